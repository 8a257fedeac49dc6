# Docket: contract review queue (Micronaut 4, Java 17).
#
#   docker build -t docket .
#   docker compose up --build          # with MySQL, see docker-compose.yml
#
# The image reads rules from /app/rules (baked in from ./rules at build time;
# docker-compose.yml mounts the host's ./rules over it so rules can be edited without a rebuild).

############################ build ############################
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# Wrapper and POM first: the dependency layer below is rebuilt only when these change.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# go-offline fetches most, not all, of what the build needs; package below runs online and fetches the rest.
RUN chmod +x mvnw \
 && ./mvnw -B -q dependency:go-offline

COPY src/ src/
# Tests run in CI, not in the image build, which has no database to run them against.
RUN ./mvnw -B -q package -DskipTests \
 && cp target/docket-*.jar /build/docket.jar

############################ runtime ##########################
FROM eclipse-temurin:17-jre

# Fixed numeric ids, so orchestrators with runAsNonRoot can verify the user.
RUN groupadd --system --gid 10001 docket \
 && useradd --system --uid 10001 --gid docket --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin docket

WORKDIR /app
COPY --from=build /build/docket.jar /app/docket.jar
COPY rules/ /app/rules/
# A class data sharing archive of the classes Docket loads, made by starting it once here with this image's JVM:
# starts about 40% faster to healthy (docs/performance.md). The JVM ignores the archive if it ever does not match.
COPY docker/train-cds.sh /tmp/train-cds.sh
RUN bash /tmp/train-cds.sh /app/docket.jar /app/docket.jsa /app/rules && rm /tmp/train-cds.sh
# data/ is where the embedded H2 database goes when no DATASOURCES_DEFAULT_URL is given.
RUN mkdir -p /app/data && chown docket:docket /app/data

# MALLOC_ARENA_MAX: glibc gives each busy thread its own malloc arena; two keep native memory (RSS) down.
ENV DOCKET_PORT=8080 \
    DOCKET_RULES_FOLDER=/app/rules \
    MALLOC_ARENA_MAX=2

USER 10001:10001
EXPOSE 8080

# The JRE image has no curl, so this asks GET /health over bash's /dev/tcp; 200 means UP (503 means DOWN).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${DOCKET_PORT:-8080} && printf 'GET /health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# Extra JVM flags can be passed with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:SharedArchiveFile=/app/docket.jsa", "-jar", "/app/docket.jar"]
