@echo off
rem Starts Butler SOS for Java from the unpacked archive.
rem   JAVA       the java command to use (default: java on the PATH; Java 17 or newer)
rem   JAVA_OPTS  extra JVM options, e.g. -Xmx512m
rem Configuration is read from config\ (changes apply live), bundle jars from deploy\.
setlocal
cd /d "%~dp0.."
if not exist logs mkdir logs
if not exist data mkdir data
if not exist deploy mkdir deploy
if "%JAVA%"=="" set JAVA=java
"%JAVA%" %JAVA_OPTS% -jar lib\butler-sos.jar %*
