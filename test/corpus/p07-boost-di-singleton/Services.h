// Boost.DI: a pool owner bound in di::unique is made for every consumer.
#pragma once
#include <boost/di.hpp>
#include <soci/soci.h>
#include <memory>

class PgStore {
  soci::connection_pool pool_{16};
};

class UsersService {
public:
  explicit UsersService(std::shared_ptr<PgStore> store);
};

class OrdersService {
public:
  explicit OrdersService(std::shared_ptr<PgStore> store);
};
