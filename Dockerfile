# Polku container image: built from source with Maven, run on a Java 17 JRE as a non-root user.
# Usage and every environment variable: docs/deployment.md.
#   docker build -t polku .
#   docker run -e DB_URL=... -e DB_USER=... -e DB_PASSWORD=... -e SMTP_HOST=... \
#              -e ADMIN_USER=... -e ADMIN_PASSWORD=... -p 8080:8080 polku

# --- Build stage -----------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# The POM alone first: the dependency layer is rebuilt only when pom.xml changes, not on every
# change to code or models.
COPY pom.xml .
RUN mvn -B dependency:go-offline

# Code, then the models the build copies to the classpath (pom.xml <resources>).
COPY src ./src
COPY processes ./processes
COPY forms ./forms
# Tests run in CI, not in the image build.
RUN mvn -B -DskipTests package

# --- Runtime stage ---------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# A fixed, non-root uid/gid so that volume permissions and Kubernetes runAsNonRoot are predictable.
RUN groupadd --system --gid 10001 polku \
    && useradd --system --uid 10001 --gid polku --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin polku

WORKDIR /app
# Owned by root and only readable by the app user: the running process cannot change its code.
COPY --from=build /build/target/polku-0.1.0-SNAPSHOT.jar /app/app.jar

# Production profile: PostgreSQL + SMTP, listening on 0.0.0.0 (application-postgres.yaml).
ENV SPRING_PROFILES_ACTIVE=postgres
# The JVM's zone decides when the nightly history-cleanup window (22:00-05:00) falls and how the
# engine's timestamps are read back; the image default would be UTC. Keep it the same on every
# node and never change it once there is data.
ENV TZ=Europe/Helsinki

USER 10001:10001
EXPOSE 8080

# No curl or wget needed: bash's /dev/tcp sends the request. Healthy only when Spring reports UP,
# i.e. database, process engine, job executor, SMTP server and disk space are all fine.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8080} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
