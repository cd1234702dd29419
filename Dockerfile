# syntax=docker/dockerfile:1
# The cncvision platform as an image: `docker compose up` (docker-compose.yml) runs it beside
# PostgreSQL, Axon Server, Prometheus and Grafana. The image's arguments are the command line's,
# `serve` by default, so `docker run IMAGE spc analyze ...` works as well.

# --- build: the same wrapper and Maven version as developers and CI ---
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# Only app and the modules it assembles; the benchmarks are not part of the image.
# The cache mount keeps ~/.m2 between builds, so a code change does not download the world again.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -DskipTests -pl app -am package \
 && cp app/target/cncvision-exec.jar /cncvision.jar

# --- run: a JRE and the executable jar, as an unprivileged user ---
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 cncvision \
 && useradd --system --uid 10001 --gid cncvision --home-dir /app --no-create-home cncvision \
 && mkdir -p /app/data \
 && chown -R cncvision:cncvision /app
WORKDIR /app
COPY --from=build --chown=cncvision:cncvision /cncvision.jar /app/cncvision.jar
USER cncvision:cncvision
# The instance keeps its state (the JWT signing key) in /app/data; mount a volume there so a
# restarted container keeps accepting the tokens it issued.
VOLUME ["/app/data"]
EXPOSE 8080
# No HEALTHCHECK: the JRE image has neither curl nor wget reliably; docker-compose.yml probes
# /actuator/health with bash alone.
# The heap is sized from the container's memory limit; add JVM flags through JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/cncvision.jar"]
CMD ["serve"]
