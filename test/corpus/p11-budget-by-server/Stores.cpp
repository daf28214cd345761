// Two databases on one PostgreSQL server: max_connections (100) is the
// server's limit, shared by both: 60 + 60 connections exceed it.
#include <Poco/Data/SessionPool.h>

class OrdersStore {
public:
  OrdersStore() : pool_("PostgreSQL", "host=pg.internal dbname=orders", 1, 60) {}

private:
  Poco::Data::SessionPool pool_;
};

class BillingStore {
public:
  BillingStore() : pool_("PostgreSQL", "host=pg.internal dbname=billing", 1, 60) {} // poolguard-expect: poolguard-connection-budget

private:
  Poco::Data::SessionPool pool_;
};

int main() {
  OrdersStore orders;
  BillingStore billing;
}
