#include "PrismaService.h"
#include <string>

// The deployment's URL already carries a query string.
static const std::string DATABASE_LINK =
    "postgresql://app:secret@db:5432/company?schema=public";

static constexpr std::size_t PoolSize = 10;

PrismaService::PrismaService() : pool_(PoolSize) {
  // Bug 2: the team appended the pool limit with '?'. The driver receives
  // ...?schema=public?connection_limit=5 and looks for the table
  // public?connection_limit=5.company.
  std::string Url = DATABASE_LINK + "?connection_limit=5";
  for (std::size_t I = 0; I != PoolSize; ++I)
    pool_.at(I).open("postgresql", Url);
}
