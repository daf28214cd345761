// Handlers that make their pool lazily, on the first request: a static
// local, and std::call_once into a member. One pool each, made once.
#include <drogon/drogon.h>
#include <libpq-fe.h>
#include <mutex>

class OrdersCtrl : public drogon::HttpController<OrdersCtrl> {
public:
  void list(const drogon::HttpRequestPtr &req,
            std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    static auto Client =
        drogon::orm::DbClient::newPgClient("host=pg dbname=orders", 4);
  }
};

class StockCtrl : public drogon::HttpController<StockCtrl> {
public:
  void get(const drogon::HttpRequestPtr &req,
           std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
    std::call_once(Once, [this] { Conn = PQconnectdb("host=pg dbname=stock"); });
  }

private:
  std::once_flag Once;
  PGconn *Conn = nullptr;
};
