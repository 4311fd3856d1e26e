#!/bin/sh
# Checks the logging of the real runtime (docs/operations.md, "Logging"): every bundle's lines in the
# console and in logs/butler-sos.log, rotation, a level change in config/ applied live, java.util.logging
# routed, and a crash dump with secrets masked when a thread dies.
#   scripts/verify-logging.sh            (after: mvn -B -DskipTests package -pl distribution -am)
# It unpacks the archive into a temporary folder, hot-deploys a small probe bundle that logs through
# java.util.logging and then dies with an uncaught exception, and prints PASS/FAIL per check.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; echo "left in $work"' EXIT
cp -r "$repo"/distribution/target/butler-sos-*/butler-sos "$work/"
home="$work/butler-sos"
cat > "$home/config/io.butlersos.logging.cfg" <<'CFG'
root.level = INFO
file.max.size = 8KB
CFG

# The probe: logs 400 lines through java.util.logging, then throws with a secret in its message.
mkdir -p "$work/probe/src/probe" "$work/probe/classes"
cat > "$work/probe/src/probe/Activator.java" <<'JAVA'
package probe;
public class Activator implements org.osgi.framework.BundleActivator {
    public void start(org.osgi.framework.BundleContext context) {
        new Thread(() -> {
            java.util.logging.Logger jul = java.util.logging.Logger.getLogger("probe.jul");
            jul.fine("probe debug line");
            for (int i = 0; i < 400; i++) {
                jul.info("probe line " + i + " " + "x".repeat(80));
            }
            throw new IllegalStateException("probe crash, token=abc123");
        }, "crash-probe").start();
    }
    public void stop(org.osgi.framework.BundleContext context) {
    }
}
JAVA
osgi=$(find ~/.m2/repository/org/osgi/osgi.core/8.0.0 -name 'osgi.core-8.0.0.jar' | head -n 1)
javac --release 17 -cp "$osgi" -d "$work/probe/classes" "$work/probe/src/probe/Activator.java"
printf 'Bundle-ManifestVersion: 2\nBundle-SymbolicName: crash.probe\nBundle-Version: 1.0.0\nBundle-Activator: probe.Activator\nImport-Package: org.osgi.framework\n' > "$work/probe/MANIFEST.MF"
jar --create --file "$work/crash-probe.jar" --manifest "$work/probe/MANIFEST.MF" -C "$work/probe/classes" .

cd "$home"
bin/butler-sos > "$work/console.txt" 2>&1 &
pid=$!
wait_for() { # file pattern seconds
    i=0
    while ! grep -q "$2" "$1" 2>/dev/null; do i=$((i + 1)); [ "$i" -gt "$(($3 * 10))" ] && return 1; sleep 0.1; done
}
check() { if "$@"; then echo "PASS: $label"; else echo "FAIL: $label"; fail=1; fi; }
fail=0

label="agent started (the file output attached)"; check wait_for logs/butler-sos.log "Sink 'file'" 60
for logger in io.butlersos.core io.butlersos.agent io.butlersos.logging io.butlersos.sink.file; do
    label="lines of $logger in console and file"
    check sh -c "grep -q ' $logger' '$work/console.txt' && grep -q ' $logger' logs/butler-sos.log"
done

echo "level.io.butlersos.core = DEBUG" >> config/io.butlersos.logging.cfg
label="level change in config/ applied live"; check wait_for logs/butler-sos.log "io.butlersos.core=DEBUG" 10

cp "$work/crash-probe.jar" deploy/
label="java.util.logging lines routed into the file"; check wait_for logs/butler-sos.log "probe.jul - probe line 399" 20
label="JUL FINE filtered at INFO"; check sh -c "! grep -q 'probe debug line' logs/butler-sos.log"
label="uncaught exception logged"; check wait_for logs/butler-sos.log "Thread 'crash-probe' ended by an uncaught exception" 10
label="crash dump written"; check wait_for logs/butler-sos.log "Crash dump written to" 10
dump=$(ls logs/crash-*.txt 2>/dev/null | head -n 1)
label="crash dump masks the secret"; check sh -c "[ -n '$dump' ] && grep -q 'token=\*\*\*\*\*\*\*\*' '$dump' && ! grep -q abc123 '$dump'"
label="log file rotated"; check sh -c "ls logs | grep -Eq 'butler-sos\.[0-9-]+\.[0-9]+\.log(\.gz)?'"

ls -la logs
exit "$fail"
