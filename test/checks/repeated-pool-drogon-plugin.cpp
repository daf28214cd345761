// RUN: %check_tidy -std=c++20 %s poolguard-repeated-pool %t -- -- '-DCONFIG="%S/Inputs/drogon-config/config.json"'
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++20 -nostdinc++ -isystem %headers '-DCONFIG="%S/Inputs/drogon-config/config.json"' -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Drogon: a plugin that opens its own client with DbClient::newPgClient to
// a database the config file's db_clients already has a client for is a
// second pool. The plugin spells the database as a libpq keyword string, the
// config file as host/port/dbname keys: both are the server db.internal:5432
// (libpq's default port) and its database shop.

#include <drogon/drogon.h>

#ifndef FIXED
int main() {
  drogon::app().loadConfigFile(CONFIG);
  drogon::app().run();
}

class ReportsPlugin : public drogon::Plugin<ReportsPlugin> {
public:
  void initAndStart(const Json::Value &config) override {
    client_ = drogon::orm::DbClient::newPgClient(
        "host=db.internal dbname=shop user=reports", 2);
    // CHECK-NOTES: :[[@LINE-2]]:15: warning: another connection pool to database 'host=db.internal dbname=shop user=reports' is created here; 2 pools reach it
    // CHECK-NOTES: :14:17: note: first pool to 'host=db.internal port=5432 databaseName=shop' created here
  }
  void shutdown() override {}

private:
  drogon::orm::DbClientPtr client_;
};
#else
int main() {
  drogon::app().loadConfigFile(CONFIG);
  drogon::app().run();
}

// The fix: the plugin asks the app for the configured client by name.
class ReportsPlugin : public drogon::Plugin<ReportsPlugin> {
public:
  void initAndStart(const Json::Value &config) override {
    client_ = drogon::app().getDbClient("default");
  }
  void shutdown() override {}

private:
  drogon::orm::DbClientPtr client_;
};

// A plugin's own pool to another database (here the same host, another
// database; a URL this time) is not a repeated pool.
class AuditPlugin : public drogon::Plugin<AuditPlugin> {
public:
  void initAndStart(const Json::Value &config) override {
    client_ = drogon::orm::DbClient::newPgClient(
        "postgresql://audit@db.internal/audit?sslmode=require", 1);
  }
  void shutdown() override {}

private:
  drogon::orm::DbClientPtr client_;
};
// FIXED-NOT: warning:
#endif
