// RUN: %poolguard --dump-facts %s -- -std=c++17 -nostdinc++ -isystem %headers | python3 %S/Inputs/facts_lines.py | %FileCheck %s
// RUN: %if soci && poco-data && qt5-sql && cppdb && libpq %{ %poolguard --dump-facts %s -- -std=c++17 %qt_flags -I/usr/include/postgresql | python3 %S/Inputs/facts_lines.py | %FileCheck %s %}
// RUN: %if soci && poco-data && qt6-sql && cppdb && libpq %{ %poolguard --dump-facts %s -- -std=c++17 %qt6_flags -I/usr/include/postgresql | python3 %S/Inputs/facts_lines.py | %FileCheck %s %}

// The same constructs against the mock headers (first RUN line) and against
// the real headers Debian ships (second with Qt 5, third with Qt 6, where
// they are installed): the facts are the same, so a mock that drifts from
// the real API (a signature, a namespace, an overload the model picks by its
// parameters) is caught.

#include <Poco/Data/SessionPool.h>
#include <QtSql/QSqlDatabase>
#include <cppdb/frontend.h>
#include <libpq-fe.h>
#include <soci/soci.h>
#include <string>

class Repo {
  soci::connection_pool pool_{8};
};

void poco() {
  Poco::Data::SessionPool Sized("PostgreSQL", "host=db dbname=app", 1, 16);
  Poco::Data::SessionPool Default("PostgreSQL", "host=db dbname=app");
}

void qt() {
  QSqlDatabase Db = QSqlDatabase::addDatabase("QPSQL", "orders");
  Db.setHostName("db");
  Db.setDatabaseName("app");
}

void sessions() {
  cppdb::session Sql(std::string("postgresql:host=db;dbname=app;@pool_size=4"));
}

// CHECK: owner Repo: member 'pool_' of type 'soci::connection_pool' @facts-real-headers.cpp:19:25
// CHECK-NEXT: pool soci soci::connection_pool size=8 text=8 db= dbtext= owner=Repo module= fn= multiplier=1 @facts-real-headers.cpp:19:25
// CHECK-NEXT: pool poco-data Poco::Data::SessionPool size=16 text=16 db=db:db:5432/app dbtext=connector=PostgreSQL connectionString=host=db dbname=app owner= module= fn=poco multiplier=1 @facts-real-headers.cpp:23:27
// CHECK-NEXT: pool poco-data Poco::Data::SessionPool size=32 default text=32 db=db:db:5432/app dbtext=connector=PostgreSQL connectionString=host=db dbname=app owner= module= fn=poco multiplier=1 @facts-real-headers.cpp:24:27
// CHECK-NEXT: pool qt-sql QSqlDatabase::addDatabase size=1 default text=1 db=db:db:5432/app dbtext=type=QPSQL setHostName=db setDatabaseName=app owner= module= fn=qt multiplier=1 instance=qt-sql:orders @facts-real-headers.cpp:28:21
// CHECK-NEXT: pool cppdb cppdb::session size=4 initial-cache text=@pool_size=4 db=db:db:5432/app dbtext=postgresql:host=db;dbname=app owner= module= fn=sessions multiplier=1 @facts-real-headers.cpp:34:18
// CHECK-NEXT: pool libpq PQconnectdb size=3 text=3 db=db:db:5432/app dbtext=host=db dbname=app owner= module= fn=connections multiplier=1 repeats=in a loop body @facts-real-headers.cpp:49:5
// CHECK-NEXT: pool libpq PQsetdbLogin size=1 text=1 db=db:localhost:5433/app dbtext=pgport=5433 dbName=app owner= module= fn=connections multiplier=1 @facts-real-headers.cpp:50:3

// libpq (no pool): one connection per call; a null host is libpq's default.
void connections() {
  for (int I = 0; I < 3; ++I)
    PQconnectdb("host=db dbname=app");
  PQsetdbLogin(nullptr, "5433", nullptr, nullptr, "app", nullptr, nullptr);
}
