# syntax=docker/dockerfile:1
# The Ingestor worker. Build from the repository root: docker build -t ingestor .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Ingestor/Ingestor.csproj src/Ingestor/
# ReadyToRun: the service and the framework compiled ahead of time together for the image's architecture, self-contained
# (src/Ingestor/Ingestor.csproj says how), so a start or a --once run does not spend its seconds compiling the service.
RUN echo "linux-$([ "$TARGETARCH" = arm64 ] && echo arm64 || echo x64)" > /rid \
 && dotnet restore src/Ingestor/Ingestor.csproj -r "$(cat /rid)" -p:PublishReadyToRun=true
COPY src/Ingestor/ src/Ingestor/
RUN dotnet publish src/Ingestor/Ingestor.csproj -c Release -r "$(cat /rid)" -p:PublishReadyToRun=true -o /app --no-restore

# What a self-contained .NET app needs of the system; the regular images carry ICU, which country names (RegionInfo) need.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
WORKDIR /app
COPY --from=build /app .
# A 32 MB gen0 budget instead of the 6 MB that workstation GC with background collections allows: polls in flight hold
# their payloads' objects through each collection, which then carries them on to older generations. With 4 MB of changed
# payloads in flight (Polling__MaxChangedMegabytesInFlight), a first sweep of the board farm took 15% less CPU in the
# same memory (src/Ingestor.Benchmarks, farm). The runtime reads it from the environment only.
ENV DOTNET_ENVIRONMENT=Production \
    DOTNET_GCgen0size=0x2000000 \
    Archive__Path=/var/lib/ingestor/archive
RUN mkdir -p /var/lib/ingestor/archive && chown -R $APP_UID /var/lib/ingestor
USER $APP_UID
# Prometheus metrics (the worker); the read API listens where --urls says
EXPOSE 9464
# No arguments: the scheduled service. `--serve --urls http://0.0.0.0:8080`: the read API. `--once [--board TOKEN]`,
# `--show JOB_ID` and `--migrate` run one task and exit; a short one-shot run is cheaper with `-e DOTNET_TieredCompilation=0`
# (README, "Running it").
ENTRYPOINT ["/app/Ingestor"]
