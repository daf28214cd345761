// RUN: %check_tidy -std=c++20 %s poolguard-repeated-pool %t -- -- '-DCONFIG="%S/Inputs/drogon-config/config.json"'
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++20 -nostdinc++ -isystem %headers '-DCONFIG="%S/Inputs/drogon-config/config.json"' -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Drogon: the db_clients of the config file that app().loadConfigFile names
// are pools, created when the file is loaded. A client created in code to a
// database the config file already has a client for is a second pool.

#include <drogon/drogon.h>

#ifndef FIXED
int main() {
  drogon::app().loadConfigFile(CONFIG);
  drogon::app().createDbClient("postgresql", "db.internal", 5432, "shop", "app", "secret", 4, "", "reports");
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: another connection pool to database 'host=db.internal port=5432 databaseName=shop' is created here; 2 pools reach it
  // CHECK-NOTES: :12:17: note: first pool to 'host=db.internal port=5432 databaseName=shop' created here
  drogon::app().run();
}
#else
// The fix: code asks the app for the configured client by name.
class ReportsController {
public:
  ReportsController() : client_(drogon::app().getDbClient("default")) {}

private:
  drogon::orm::DbClientPtr client_;
};
int main() {
  drogon::app().loadConfigFile(CONFIG);
  // Another database is not a repeated pool.
  drogon::app().createDbClient("postgresql", "db.internal", 5432, "audit", "app", "secret", 4, "", "audit");
  drogon::app().run();
}
// FIXED-NOT: warning:
#endif
