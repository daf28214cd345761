#include "PrismaService.h"
#include <soci/session.h>

// libpq takes the server, user and database from PGHOST, PGPORT, PGUSER and
// PGDATABASE; the connect string only bounds the wait.
PrismaService::PrismaService() : pool_(PoolSize) {
  for (std::size_t I = 0; I != PoolSize; ++I)
    pool_.at(I).open("postgresql", "connect_timeout=5");
}
