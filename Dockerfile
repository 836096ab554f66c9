# syntax=docker/dockerfile:1
# Backprop Lab as a container: `docker build -t backprop-lab .` then `docker run -p 8080:8080 backprop-lab`.
# CI (.ci/container) builds this file unchanged with podman and checks what it promises: see
# docs/operations-observability.md.
#
# Java 25 runs the service; the code is compiled for Java 17 (pom.xml, java.version), so the same jar also
# runs with `./mvnw spring-boot:run` on a JDK 17 machine.

ARG JAVA_VERSION=25

# --- build: the Maven wrapper, with the dependencies in a layer of their own ---
FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /workspace
# Only what resolving the dependencies needs: this layer is rebuilt when pom.xml or the wrapper change,
# not on every change to src/.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
# The tests run in CI (.ci/run); the image build only packages. The package also writes the software bill
# of materials (CycloneDX, target/classes/META-INF/sbom/application.cdx.json, inside the jar as well).
# -P spring-aot: Spring AOT works out the application context's bean definitions at build time and adds
# them to the jar as code (used only with -Dspring.aot.enabled=true, as the ENTRYPOINT starts it).
RUN ./mvnw -B -ntp package -DskipTests -P spring-aot && cp target/backprop-lab-*.jar app.jar
# Boot's layered jar, extracted: app.jar (the application, with a Class-Path manifest) and lib/*.jar, one
# folder per layer so that a change to the code does not invalidate the dependency layer below.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# --- runtime: a JRE, a non-root user, the extracted layers and an AOT cache ---
FROM eclipse-temurin:${JAVA_VERSION}-jre
# OpenBLAS as the system's libblas.so.3: the large matrix products run on it through netlib's JNI shim
# (backprop.engine.blas=auto), about three times as fast as the pure-Java kernel they fall back to.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libopenblas0-pthread \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 backprop \
    && useradd --system --uid 10001 --gid backprop --home-dir /app --no-create-home --shell /usr/sbin/nologin backprop
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# The SBOM as a file of its own, named by a label: `docker inspect` tells where, `docker cp` takes it out.
COPY --from=build /workspace/target/classes/META-INF/sbom/application.cdx.json /app/sbom/application.cdx.json
LABEL org.opencontainers.image.title="Backprop Lab" \
      org.opencontainers.image.description="Backpropagation shown number by number, as a REST service" \
      lab.backprop.sbom="/app/sbom/application.cdx.json" \
      lab.backprop.sbom.format="CycloneDX JSON"
COPY docker/healthcheck.sh /usr/local/bin/healthcheck
COPY docker/aot-training.sh /usr/local/bin/aot-training

# Every JVM flag, in one place: the java launcher reads JDK_JAVA_OPTIONS itself, so the training run
# below and the service both get them (an AOT cache only fits the flags it was trained with).
# - the heap as a share of the container's memory limit (the JVM reads the cgroup limit);
# - G1, chosen: under about 1.8 GB of memory or with one CPU the JVM would pick Serial, whose collections
#   wait for every thread inside a JNI critical region (the native matrix products hold one), where G1
#   on JDK 22+ pins the regions concerned and collects the rest (docs/operations-observability.md,
#   measurements in BENCHMARKS.md);
# - a clean exit on OutOfMemoryError, so that the restart policy takes over;
# - native access for netlib's JNI shim (its System.load), which Java 25 otherwise warns about;
# - the AOT cache mapped where it was made to be (ArchiveRelocationMode=0, a diagnostic flag): Java 25
#   maps it at a random address by default and then rewrites every pointer in its 89 MB, 0.1 to 0.35 s of
#   each start on two cores ("Genesis" in -Xlog:startuptime); at its own address nothing is rewritten (if
#   that address is taken, the JVM relocates as before). What it gives up: the cache's classes are at
#   the same address in every container (address-space randomisation for that region only).
# Not set: --add-modules=jdk.incubator.vector. The image computes large products on OpenBLAS, and the
# incubator module only speeds the pure-Java fallback (backprop.engine.blas=java), while it makes the JVM
# drop the AOT cache's full module graph and AOT-linked classes: a start about 40 % slower (BENCHMARKS.md).
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
ENV PORT=8080
# OpenBLAS on one thread per call: the engine itself shares each large product between two threads
# (BlasMatrixProducts, in halves of its rows), and OpenBLAS's own threads, idle between the calls, spin
# on sched_yield: about a quarter of the CPU of a /train here, taken from the other requests
# (BENCHMARKS.md, "OpenBLAS on one thread"). Override it to let OpenBLAS thread each product itself.
ENV OPENBLAS_NUM_THREADS=1

# Java 25's AOT cache (JEP 483/514/515), made by a training run that serves real requests
# (docker/aot-training.sh: readiness, the seed /train-step, /train plain and streamed, /predict, the
# page, the OpenAPI document, problem+json errors, metrics) and then gets SIGTERM; the JVM records the
# classes it loaded and linked and the methods it profiled, and writes app.aot. Run from the same paths
# and with the same flags as the service (/app/app.jar with lib/, JDK_JAVA_OPTIONS, Spring AOT on),
# which the cache requires; then the service starts with those classes loaded and linked, and its
# first readiness probe and first requests find theirs too.
RUN aot-training app.aot -Dspring.aot.enabled=true -jar app.jar \
    && rm -rf /tmp/tomcat.* /tmp/hsperfdata_root /tmp/libnetlibblasjni.so*

USER backprop
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=6s --start-period=60s --retries=3 CMD ["healthcheck"]
# Exec form: java is PID 1 and receives SIGTERM, so Boot shuts down gracefully. Spring AOT on: the bean
# definitions from the build; with the actuator on a port of its own (MANAGEMENT_SERVER_PORT, as k8s/ runs
# it), which they cannot serve, the application starts the classic way by itself (SpringAotFit).
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-Dspring.aot.enabled=true", "-jar", "app.jar"]
