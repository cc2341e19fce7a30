#!/usr/bin/env bash
# The gateway benchmark (docs/benchmarks.md): builds gateway's test classes, then runs
# org.anxin.gateway.bench.IngestBenchmark, which prints broker_only, copy_only, pipeline, the ratio and heap.
# Settings: BENCH_DEVICES (10000), BENCH_MORE_DEVICES (100000), BENCH_SECONDS (60), BENCH_CLIENTS (4),
# BENCH_WINDOW (2000), BENCH_RATE (pipeline publish rate, 0 = unlimited), BENCH_ONLY (baselines | pipeline),
# BENCH_JFR (a .jfr file to record the gateway into), and any ANXIN_GATEWAY_* for the gateway.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -pl gateway -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
cp="gateway/target/test-classes:gateway/target/classes:infra/target/test-classes:infra/target/classes:$(cat gateway/target/bench.classpath)"
exec java -Xmx1g -cp "$cp" org.anxin.gateway.bench.IngestBenchmark
