# The app image of docker-compose.yml: the built server and web client, on the PostgreSQL of
# DATABASE_URL (the embedded PostgreSQL is for machines without a database server). Each container
# applies the migrations and imports the reference data at start, under an advisory lock, so any
# number of them may start at once.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/client/dist ./client/dist
COPY --from=build /app/data ./data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains the instance and exits within SHUTDOWN_TIMEOUT_SECONDS.
CMD ["node", "dist/src/main.js"]
