# The app image for docker-compose.yml: the built server and web client, using the PostgreSQL of
# DATABASE_URL (the embedded PostgreSQL is for machines without a database server).
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
CMD ["node", "dist/src/main.js"]
