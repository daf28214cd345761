// A pool-owning class shared by the programs of one repository.
#pragma once
#include <Poco/Data/SessionPool.h>
#include <cstdlib>

class Database {
public:
  Database() : pool_("PostgreSQL", std::getenv("DATABASE_URL"), 1, 40) {}

private:
  Poco::Data::SessionPool pool_;
};
