// RUN: %check_tidy %s poolguard-pool-per-call %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-pool-per-call' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Crow: CROW_ROUTE(app, url) is `app.template route<tag>(url)`, a TaggedRule
// whose operator() takes the handler; Crow calls the handler once per
// request (the crow model's "repeating" entry). A pool created there opens
// new connections on every request.

#include <crow.h>
#include <libpq-fe.h>
#include <soci/soci.h>

#ifndef FIXED
int main() {
  crow::SimpleApp app;
  CROW_ROUTE(app, "/users")([] {
    soci::connection_pool pool(4);
    // CHECK-NOTES: :[[@LINE-1]]:27: warning: 'soci::connection_pool' opens new database connections in a Crow route handler, once per request, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
    return "users";
  });
  CROW_ROUTE(app, "/orders").methods(crow::HTTPMethod::Post)([](const crow::request &) {
    PGconn *Conn = PQconnectdb("host=pg.internal dbname=orders");
    // CHECK-NOTES: :[[@LINE-1]]:20: warning: 'PQconnectdb' opens new database connections to 'host=pg.internal dbname=orders' in a Crow route handler, once per request, on every run; create the pool once (a member or a component) and reuse it [poolguard-pool-per-call]
    PQfinish(Conn);
    return crow::response("created");
  });
  app.port(18080).multithreaded().run();
}
#else
// The fix: one pool, made before the routes and captured by reference.
int main() {
  crow::SimpleApp app;
  soci::connection_pool pool(4);
  CROW_ROUTE(app, "/users")([&pool] {
    (void)pool;
    return "users";
  });
  app.port(18080).multithreaded().run();
}
// FIXED-NOT: warning:
#endif
