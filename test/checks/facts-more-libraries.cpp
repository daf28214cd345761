// RUN: %poolguard --dump-facts %s -- -std=c++17 -nostdinc++ -isystem %headers | python3 %S/Inputs/facts_lines.py | %FileCheck %s

// The pool facts of sqlpp11 and cppdb (a cache, not a maximum), ozo (capacity,
// default 10), cppdb (@pool_size; one pool per exact string), Wt::Dbo and
// Qt SQL (one connection per name; the database is set later).

#include <QtSql/QSqlDatabase>
#include <Wt/Dbo/FixedSqlConnectionPool.h>
#include <Wt/Dbo/backend/Postgres.h>
#include <cppdb/frontend.h>
#include <memory>
#include <ozo/connection_pool.h>
#include <sqlpp11/postgresql/connection_pool.h>

std::shared_ptr<sqlpp::postgresql::connection_config> dbConfig();

class Repo {
  sqlpp::postgresql::connection_pool pool_{dbConfig(), 5};
};
void ozoDefault() {
  ozo::connection_pool_config config;
  ozo::connection_pool<ozo::connection_info> pool(ozo::connection_info("dbname=app"), config);
}
void cppdbSessions() {
  cppdb::session a("mysql:database=app;user=web;@pool_size=10");
  cppdb::session b("mysql:database=app;user=web;@pool_size=10");
  cppdb::session c("mysql:database=app;user=web");
}
void wt() {
  Wt::Dbo::FixedSqlConnectionPool pool(std::make_unique<Wt::Dbo::backend::Postgres>("dbname=app"), 8);
}
void worker(long thread) {
  QSqlDatabase db = QSqlDatabase::addDatabase("QPSQL", QString("worker_%1").arg(thread));
  db.setDatabaseName("app");
}
void single() {
  QSqlDatabase db = QSqlDatabase::addDatabase("QMYSQL", QString("main"));
  db.setHostName("DB.internal");
  db.setDatabaseName("shop");
}

// CHECK-DAG: owner Repo: member 'pool_' of type 'sqlpp::postgresql::connection_pool' @facts-more-libraries.cpp:18:38
// CHECK-DAG: pool sqlpp11 sqlpp::postgresql::connection_pool size=5 initial-cache text=5 db=call:dbConfig dbtext=dbConfig() owner=Repo module= fn= multiplier=1 @facts-more-libraries.cpp:18:38
// CHECK-DAG: pool ozo ozo::connection_pool size=10 default text=10 db=db:localhost:5432/app dbtext=dbname=app owner= module= fn=ozoDefault multiplier=1 @facts-more-libraries.cpp:22:46
// CHECK-DAG: pool cppdb cppdb::session size=10 initial-cache text=@pool_size=10 db=db:localhost:3306/app dbtext=mysql:database=app;user=web owner= module= fn=cppdbSessions multiplier=1 @facts-more-libraries.cpp:25:18
// CHECK-DAG: pool cppdb cppdb::session size=? initial-cache text= db=db:localhost:3306/app dbtext=mysql:database=app;user=web owner= module= fn=cppdbSessions multiplier=1 @facts-more-libraries.cpp:27:18
// CHECK-DAG: pool wt-dbo Wt::Dbo::FixedSqlConnectionPool size=8 text=8 db=db:localhost:5432/app dbtext=dbname=app owner= module= fn=wt multiplier=1 @facts-more-libraries.cpp:30:35
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default unbounded per-thread text=1 db=parts:lit:QPSQL;?;lit:app dbtext=type=QPSQL setDatabaseName=app owner= module= fn=worker multiplier=1 (one connection per thread, at most the thread pool's maximum) @facts-more-libraries.cpp:33:21
// A constant connection name is one connection; QMYSQL's default port.
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default text=1 db=db:db.internal:3306/shop dbtext=type=QMYSQL setHostName=DB.internal setDatabaseName=shop owner= module= fn=single multiplier=1 instance=qt-sql:main @facts-more-libraries.cpp:37:21
// The second session on the same string uses the first one's pool.
// CHECK-NOT: @facts-more-libraries.cpp:26:
