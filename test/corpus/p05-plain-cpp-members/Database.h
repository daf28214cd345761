// A database wrapper that opens its own pool to DATABASE_URL.
#pragma once
#include <soci/soci.h>
#include <cstdlib>

class Database {
public:
  Database() : pool_(10) {
    for (std::size_t I = 0; I != 10; ++I)
      pool_.at(I).open("postgresql", std::getenv("DATABASE_URL"));
  }

private:
  soci::connection_pool pool_;
};
