// The fixed controller: the injector is built once, in main, and the
// controller is given the Database it makes.
#include "Database.h"
#include <drogon/drogon.h>

class ReportCtrl : public drogon::HttpController<ReportCtrl, false> {
public:
  explicit ReportCtrl(Database &db) : db_(db) {}
  void daily(const drogon::HttpRequestPtr &req,
             std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    (void)db_;
  }

private:
  Database &db_;
};
