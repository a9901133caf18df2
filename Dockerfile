# syntax=docker/dockerfile:1
# Build: docker build -t crm .
# Run:   docker run -p 8080:8080 -v crm-data:/data crm   (then open http://localhost:8080)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Crm.Domain/Crm.Domain.csproj Crm.Domain/
COPY Crm.Infrastructure/Crm.Infrastructure.csproj Crm.Infrastructure/
COPY Crm.Web/Crm.Web.csproj Crm.Web/
RUN dotnet restore Crm.Web/Crm.Web.csproj
COPY Crm.Domain/ Crm.Domain/
COPY Crm.Infrastructure/ Crm.Infrastructure/
COPY Crm.Web/ Crm.Web/
RUN dotnet publish Crm.Web/Crm.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data \
    && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Database__Path=/data/crm.db \
    DataProtection__KeysPath=/data/keys
VOLUME /data
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl --fail --silent http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "Crm.Web.dll"]
