#include "PrismaService.h"
#include <string>

static const std::string DATABASE_LINK =
    "postgresql://app:secret@db:5432/company?schema=public";
static constexpr std::size_t PoolSize = 10;

PrismaService::PrismaService() : pool_(PoolSize) {
  std::string Url = DATABASE_LINK + "?connection_limit=5"; // poolguard-expect: poolguard-dsn-query-append
  for (std::size_t I = 0; I != PoolSize; ++I)
    pool_.at(I).open("postgresql", Url);
}
