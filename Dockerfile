# respbot as a container. Not built on the development machines (they run no Docker engine);
# kept simple so it is easy to check by reading. Multi-stage: dependencies are compiled
# (better-sqlite3 is native) and TypeScript is built in the first stage; the image runs the
# built JavaScript as the unprivileged `node` user with production dependencies only (no
# TypeScript, tsx or esbuild). Node 24 is the active LTS line.
FROM node:24-bookworm AS build
WORKDIR /app
# bin/ first: npm's prepare script is bin/build.js, which skips the build until the sources are in.
COPY package.json package-lock.json ./
COPY bin ./bin
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY app ./app
RUN npm run build

FROM node:24-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY bin ./bin
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    STORE_PATH=/app/var/respbot.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY data ./data
COPY adapters/slack/manifest.yaml ./adapters/slack/manifest.yaml
COPY adapters/teams/package/icons ./adapters/teams/package/icons
# `respbot sync`, `respbot report`, `respbot ask …` in the container (docker run/exec … respbot …).
RUN ln -s /app/bin/respbot.js /usr/local/bin/respbot \
 && mkdir -p /app/var && chown node:node /app/var
USER node
EXPOSE 3000
# The SQLite store lives here; with DATABASE_URL (several replicas) it stays empty.
VOLUME ["/app/var"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains requests and outbox sends, then exits 0 (give it 30 s: docker stop -t 30).
# The bot runs in this one node process (no npm, no shell in between), so the signal reaches it.
STOPSIGNAL SIGTERM
CMD ["node", "bin/start.js"]
