#!/usr/bin/env bash
# The container's health probe. JRE images ship no curl or wget, and a Java probe would start a second
# JVM every interval; bash can open a TCP connection itself through /dev/tcp. One HTTP/1.0 request to the
# readiness group: healthy only on a 200 whose body says UP.
# Asks the actuator where it listens: MANAGEMENT_SERVER_PORT when set (the actuator on a port of its own,
# as k8s/ runs it), else PORT like the service (default 8080). .ci/container runs it in the image.
set -euo pipefail
port="${MANAGEMENT_SERVER_PORT:-${PORT:-8080}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\nAccept: application/json\r\n\r\n' >&3
response=$(timeout 5 cat <&3)
exec 3<&-
[[ $response == "HTTP/1.1 200"* && $response == *'"status":"UP"'* ]]
