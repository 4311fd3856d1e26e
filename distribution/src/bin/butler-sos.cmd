@echo off
rem Starts Butler SOS for Java from the unpacked archive.
rem   bin\butler-sos          the agent, configured from config\
rem   bin\butler-sos --demo   the agent with a built-in Qlik Sense simulator, configured from demo\config\
rem   JAVA       the java command to use (default: java on the PATH; Java 17 or newer)
rem   JAVA_OPTS  extra JVM options, e.g. -Xmx512m
rem Configuration changes apply live; bundle jars in deploy\ are installed and removed live; logs go to logs\.
rem When the agent ends with an error, logs\crash-exit.txt says so; a JVM crash leaves logs\hs_err_pid<pid>.log.
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
"%JAVA%" -XX:ErrorFile=logs\hs_err_pid%%p.log %JAVA_OPTS% -jar %JAR%
set rc=%ERRORLEVEL%
if not "%rc%"=="0" (
  > "logs\crash-exit.txt" (
    echo Butler SOS for Java ended with exit code %rc%
    echo time: %DATE% %TIME%
    echo home: %CD%
    echo.
    echo == Last lines of logs\butler-sos.log ==
    if exist logs\butler-sos.log powershell -NoProfile -Command "Get-Content -Tail 50 logs\butler-sos.log"
  )
  echo Butler SOS ended with exit code %rc%; see logs\ 1>&2
)
exit /b %rc%
