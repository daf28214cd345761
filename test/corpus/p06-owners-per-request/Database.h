// The service's database access: it opens its own pool.
#pragma once
#include <soci/soci.h>
#include <cstdlib>

class Database {
public:
  Database() : pool_(8) {
    for (int I = 0; I < 8; ++I)
      pool_.at(I).open("postgresql", std::getenv("DATABASE_URL"));
  }

private:
  soci::connection_pool pool_;
};
