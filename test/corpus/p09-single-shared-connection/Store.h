// One libpq pool and a redis connection, shared by reference: no repeat.
#pragma once
#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <cstdlib>
#include <vector>

class PgPool {
public:
  PgPool() {
    for (int I = 0; I < 8; ++I)
      idle_.push_back(PQconnectdb(std::getenv("ORDERS_DSN")));
  }

private:
  std::vector<PGconn *> idle_;
};

class Cache {
public:
  Cache() : ctx_(redisConnect("cache.internal", 6379)) {}

private:
  redisContext *ctx_;
};

class OrdersStore {
public:
  OrdersStore(PgPool &pool, Cache &cache) : pool_(pool), cache_(cache) {}

private:
  PgPool &pool_;
  Cache &cache_;
};
