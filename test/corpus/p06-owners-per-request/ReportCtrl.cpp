// A Drogon controller that builds what it needs on every request: an
// injector (so a Database, so a pool) and a Database of its own.
#include "Database.h"
#include <drogon/drogon.h>
#include <fruit/fruit.h>
#include <memory>

fruit::Component<Database> getDatabaseComponent();

class ReportCtrl : public drogon::HttpController<ReportCtrl> {
public:
  void daily(const drogon::HttpRequestPtr &req,
             std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    fruit::Injector<Database> injector(getDatabaseComponent); // poolguard-expect: poolguard-pool-per-call
    (void)injector;
  }
  void export_(const drogon::HttpRequestPtr &req,
               std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    auto db = std::make_unique<Database>(); // poolguard-expect: poolguard-pool-per-call
    (void)db;
  }
};
