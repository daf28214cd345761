#include <drogon/orm/DbClient.h>

std::shared_ptr<drogon::orm::DbClient> usersDb() {
  return drogon::orm::DbClient::newPgClient("host=db dbname=app", 8);
}
