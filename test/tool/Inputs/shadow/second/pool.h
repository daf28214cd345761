#define POOL_URL "postgres://db/pool?schema=public"
