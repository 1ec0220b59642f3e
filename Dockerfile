# The stancegraph GraphQL API (`stancegraph serve`), for docker-compose.yml's `api` service.
# Neo4j is not in this image: set NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE).
#   docker build -t stancegraph-api . && docker run -e NEO4J_URI=bolt://host:7687 -e NEO4J_PASSWORD=... -p 4000:4000 stancegraph-api
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
RUN npx tsc -p tsconfig.json

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY cypher ./cypher
COPY data ./data
COPY schema.graphql ./
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/stancegraph.js", "serve", "--host", "0.0.0.0", "--port", "4000"]
