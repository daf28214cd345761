#include <drogon/orm/DbClient.h>

std::shared_ptr<drogon::orm::DbClient> ordersDb() {
  return drogon::orm::DbClient::newPgClient("host=db dbname=app", 8);
}
