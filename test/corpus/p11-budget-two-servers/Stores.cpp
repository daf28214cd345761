// Two databases on two servers: 60 connections each, within each limit.
#include <Poco/Data/SessionPool.h>

class OrdersStore {
public:
  OrdersStore() : pool_("PostgreSQL", "host=pg.internal dbname=orders", 1, 60) {}

private:
  Poco::Data::SessionPool pool_;
};

class BillingStore {
public:
  BillingStore() : pool_("PostgreSQL", "host=pg-billing.internal dbname=billing", 1, 60) {}

private:
  Poco::Data::SessionPool pool_;
};

int main() {
  OrdersStore orders;
  BillingStore billing;
}
