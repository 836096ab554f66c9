# syntax=docker/dockerfile:1
# Backprop Lab as a container: `docker build -t backprop-lab .` then `docker run -p 8080:8080 backprop-lab`.
# .ci/smoke runs this file's extract, training-run, start and health-probe commands against the jar CI
# builds, and fails if any of them no longer appears here word for word.

ARG JAVA_VERSION=17

# --- build: the Maven wrapper, with the dependencies in a layer of their own ---
FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /workspace
# Only what resolving the dependencies needs: this layer is rebuilt when pom.xml or the wrapper change,
# not on every change to src/.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -ntp dependency:go-offline
COPY src/ src/
# The tests run in CI (.ci/run); the image build only packages.
RUN ./mvnw -B -ntp package -DskipTests && cp target/backprop-lab-*.jar app.jar
# Boot's layered jar, extracted: app.jar (the application, with a Class-Path manifest) and lib/*.jar, one
# folder per layer so that a change to the code does not invalidate the dependency layer below.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# --- runtime: a JRE, a non-root user, the extracted layers and a CDS archive ---
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
COPY docker/healthcheck.sh /usr/local/bin/healthcheck

# Every JVM flag, in one place: the java launcher reads JDK_JAVA_OPTIONS itself, so the training run
# below and the service both get them. Heap as a share of the container's memory limit (the JVM reads the
# cgroup limit), a clean exit on OutOfMemoryError so that the restart policy takes over, and the
# incubating Vector API, which the BLAS kernel of the large matrix products uses (without it the same
# library falls back to plain Java, slower).
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError --add-modules=jdk.incubator.vector"
ENV PORT=8080

# Class-data sharing: a training run starts the application context and stops once it is refreshed
# (Boot's spring.context.exit=onRefresh), and the JVM writes the classes it loaded to app.jsa. Run from
# the same paths as the service (/app/app.jar with lib/), which CDS requires; then the service loads
# those classes from the archive and starts faster (about 40 % faster on the machine this was made on).
RUN java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar app.jar \
    && rm -rf /tmp/tomcat.* /tmp/hsperfdata_root /tmp/libnetlibblasjni.so*

USER backprop
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=6s --start-period=60s --retries=3 CMD ["healthcheck"]
# Exec form: java is PID 1 and receives SIGTERM, so Boot shuts down gracefully.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-jar", "app.jar"]
