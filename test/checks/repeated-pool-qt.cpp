// RUN: %check_tidy %s poolguard-repeated-pool %t
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-repeated-pool' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Qt SQL: a connection is used only in the thread that opened it, so code
// names one per thread (QString("...%1").arg(thread id)): each such
// addDatabase is an implicit pool of one connection per thread, with no
// maximum. Its database is what setHostName/setPort/setDatabaseName set on
// the returned object. Two such places reaching one database are two pools;
// with no thread limit in the code, the budget says they are unbounded.

#include <QtSql/QSqlDatabase>

long currentThreadId();

#ifndef FIXED
void runReport() {
  QSqlDatabase Db = QSqlDatabase::addDatabase(
      "QPSQL", QString("report_%1").arg(currentThreadId()));
  Db.setHostName("db.internal");
  Db.setDatabaseName("shop");
  Db.open();
}

void runImport() {
  QSqlDatabase Db = QSqlDatabase::addDatabase(
      "QPSQL", QString("import_%1").arg(currentThreadId()));
  // CHECK-NOTES: :[[@LINE-2]]:21: warning: another connection pool to database 'type=QPSQL setHostName=db.internal setPort=5432 setDatabaseName=shop' is created here; 2 pools reach it; share one pool (or executor) as its own component and inject it [poolguard-repeated-pool]
  // CHECK-NOTES: :17:21: note: first pool to 'type=QPSQL setHostName=db.internal setDatabaseName=shop' created here
  Db.setHostName("db.internal");
  Db.setPort(5432);
  Db.setDatabaseName("shop");
  Db.open();
}
#else
// The fix: one place opens the connection of the calling thread.
QSqlDatabase connectionForThisThread() {
  QSqlDatabase Db = QSqlDatabase::addDatabase(
      "QPSQL", QString("shop_%1").arg(currentThreadId()));
  Db.setHostName("db.internal");
  Db.setDatabaseName("shop");
  return Db;
}

// A fixed connection name is one connection, whatever thread runs it; a
// second one to another database is no repeated pool.
void openAudit() {
  QSqlDatabase Db = QSqlDatabase::addDatabase("QPSQL", "audit");
  Db.setHostName("db.internal");
  Db.setDatabaseName("audit");
}
// The same name added again (a reconnect) replaces the connection: one.
void reopenAudit() {
  QSqlDatabase Db = QSqlDatabase::addDatabase("QPSQL", "audit");
  Db.setHostName("db.internal");
  Db.setDatabaseName("audit");
}
void openAuditAgain() {
  QSqlDatabase Db = QSqlDatabase::addDatabase("QSQLITE", "local");
  Db.setDatabaseName("cache.db");
}
#endif

// FIXED-NOT: warning:

// The budget counts the per-thread connections as unbounded: nothing in the
// code bounds the threads.
// RUN: %expect_exit 1 %poolguard --quiet --checks=-*,poolguard-connection-budget --report=budget %s -- -std=c++17 -nostdinc++ -isystem %headers | %FileCheck %s --check-prefix=BUDGET
// BUDGET: database 'type=QPSQL setHostName=db.internal setDatabaseName=shop': unbounded of 97 available per process (over the limit)
// BUDGET-NEXT: repeated-pool-qt.cpp:17:21: qt-sql size one per thread x 1 instance(s) x 1 = unbounded
// BUDGET-NEXT: repeated-pool-qt.cpp:25:21: qt-sql size one per thread x 1 instance(s) x 1 = unbounded
