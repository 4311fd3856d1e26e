@echo off
rem Starts Butler SOS for Java from the unpacked archive.
rem   bin\butler-sos          the agent, configured from config\
rem   bin\butler-sos --demo   the agent with a built-in Qlik Sense simulator, configured from demo\config\
rem   JAVA       the java command to use (default: java on the PATH; Java 17 or newer)
rem   JAVA_OPTS  extra JVM options, e.g. -Xmx512m
rem Configuration changes apply live; bundle jars in deploy\ are installed and removed live.
setlocal
cd /d "%~dp0.."
set JAR=lib\butler-sos.jar
if "%~1"=="--demo" (
    set JAR=lib\butler-sos-demo.jar
    shift
)
if not exist logs mkdir logs
if not exist data mkdir data
if not exist deploy mkdir deploy
if "%JAVA%"=="" set JAVA=java
"%JAVA%" %JAVA_OPTS% -jar %JAR%
