# syntax=docker/dockerfile:1
# One image for every process of the platform. Which process a container runs is its command:
#   (default)                            a service process: node apps/platform/dist/main.js, its services in
#                                        AFTERSALES_SERVICES (e.g. order; logistics; refund; dispute; timeline)
#   apps/platform/dist/gateway-main.js   the gateway in front of service processes run elsewhere (AFTERSALES_GATEWAY_ROUTES)
#   apps/platform/dist/multi-process.js  gateway + every service as supervised child processes in one container
#   apps/platform/dist/cli/dlq.js …      the operator CLIs
# Configuration is the environment (README, "Production"). Build: docker build -t aftersales .

ARG NODE_IMAGE=node:20.19-bookworm-slim
ARG PNPM_VERSION=10.34.8

# Build: install every dependency (dev ones too: tsc), compile, then prune node_modules to production dependencies.
FROM ${NODE_IMAGE} AS build
ARG PNPM_VERSION
# better-sqlite3 compiles from source where no prebuilt binary matches.
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/* \
  && npm install -g "pnpm@${PNPM_VERSION}"
# node-gyp uses the image's own Node headers instead of downloading them.
ENV npm_config_nodedir=/usr/local
WORKDIR /app
# The whole workspace at once: every package's manifest is needed to install, whichever packages a merge adds.
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm build
RUN CI=true pnpm install --prod --frozen-lockfile --offline \
  && rm -rf test bench/src .tools data \
  && find . -path ./node_modules -prune -o -name '*.tsbuildinfo' -print | xargs -r rm -f

# Runtime: Node and the built workspace with production dependencies only, as the unprivileged `node` user.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    AFTERSALES_DATA_DIR=/var/lib/aftersales
WORKDIR /app
RUN mkdir -p /var/lib/aftersales && chown node:node /var/lib/aftersales
COPY --from=build --chown=node:node /app /app
USER node
VOLUME ["/var/lib/aftersales"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node"]
CMD ["apps/platform/dist/main.js"]
