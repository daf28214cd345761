#define CONFIG_URL "postgres://db/app?schema=public"
