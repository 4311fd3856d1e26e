#!/usr/bin/env bash
# Sets up what the tests need, then runs the whole suite: unit tests (Surefire) and the OSGi
# integration tests inside Felix (bnd-testing). Ends with one line: "N passed, N failed, N skipped".
# Extra arguments go to Maven, e.g. scripts/test.sh -pl bundles/io.butlersos.core -am
set -uo pipefail
cd "$(dirname "$0")/.."

# Servers the tests start on loopback ports of their own, and the headless browser that checks the
# status page, and systemd-analyze that checks the service unit: Debian's packages.
packages=(influxdb mosquitto mosquitto-clients prometheus chromium chromium-driver systemd)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing test servers: ${missing[*]}"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -q && \
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}" \
        || echo "WARNING: could not install ${missing[*]}; tests that need them fail under CI=true"
fi

mvn -B clean verify "$@"
status=$?

# Add up every JUnit XML report: Surefire's and bnd-testing's (which prints no totals of its own).
tests=0; failed=0; skipped=0
while IFS= read -r report; do
    head=$(grep -m1 -o '<testsuite [^>]*>' "$report") || continue
    attr() { echo "$head" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
    tests=$((tests + $(attr tests)))
    failed=$((failed + $(attr failures) + $(attr errors)))
    skipped=$((skipped + $(attr skipped)))
done < <(find . -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/test-reports/*/TEST-*.xml' | sort)
passed=$((tests - failed - skipped))
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$tests" -eq 0 ]; then
    echo "No test ran: treating that as a failure."
    exit 1
fi
exit "$status"
