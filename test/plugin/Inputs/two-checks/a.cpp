#include <drogon/drogon.h>

void openReports() {
  auto Client = drogon::orm::DbClient::newPgClient("host=db dbname=reports", 2);
}
