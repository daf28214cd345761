// RUN: %poolguard --dump-facts %s -- -std=c++17 -nostdinc++ -isystem %headers | python3 %S/Inputs/facts_lines.py | %FileCheck %s

// Qt SQL connection facts: a connection name computed at run time is one
// connection per thread (per-thread, unbounded); a constant name is one
// connection, the same wherever it is added (instance qt-sql:<name>). The
// database comes from the setters called on the stored result.

#include <QtSql/QSqlDatabase>

long currentThreadId();

void perThread(long id) {
  QSqlDatabase a = QSqlDatabase::addDatabase("QPSQL", QString("w_%1").arg(currentThreadId()));
  QSqlDatabase b = QSqlDatabase::addDatabase("QPSQL", QString::number(id));
}

class Repo {
public:
  void open() { QSqlDatabase::addDatabase("QPSQL", m_name); }

private:
  QString m_name;
};

void constants() {
  QSqlDatabase a = QSqlDatabase::addDatabase("QPSQL", QStringLiteral("main"));
  a.setHostName("db");
  a.setDatabaseName("shop");
  QSqlDatabase b = QSqlDatabase::addDatabase("QPSQL", QString::fromLatin1("audit"));
  QSqlDatabase c = QSqlDatabase::addDatabase("QSQLITE");
  c.setDatabaseName(":memory:");
}

void reconnect() {
  // The same name again: the same connection, replaced.
  QSqlDatabase a = QSqlDatabase::addDatabase("QPSQL", "main");
  a.setHostName("db");
  a.setDatabaseName("shop");
  // A variable reused for a second connection keeps its own setters.
  a = QSqlDatabase::addDatabase("QPSQL", "other");
  a.setDatabaseName("billing");
}

// The overload taking a driver object: no driver name, no default port.
QSqlDriver *makeDriver();
void withDriver() {
  QSqlDatabase d = QSqlDatabase::addDatabase(makeDriver(), "drv");
  d.setHostName("db");
  d.setDatabaseName("shop");
}

// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default unbounded per-thread text=1 db= dbtext=type=QPSQL owner= module= fn=perThread multiplier=1 (one connection per thread, at most the thread pool's maximum) @facts-qt-sql.cpp:13:20
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default text=1 db=db:db:/shop dbtext=setHostName=db setDatabaseName=shop owner= module= fn=withDriver multiplier=1 instance=qt-sql:drv @facts-qt-sql.cpp:47:20
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default unbounded per-thread text=1 db= dbtext=type=QPSQL owner= module= fn=perThread multiplier=1 (one connection per thread, at most the thread pool's maximum) @facts-qt-sql.cpp:14:20
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default unbounded per-thread text=1 db= dbtext=type=QPSQL owner=Repo module= fn=Repo::open multiplier=1 (one connection per thread, at most the thread pool's maximum) @facts-qt-sql.cpp:19:17
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default text=1 db=db:db:5432/shop dbtext=type=QPSQL setHostName=db setDatabaseName=shop owner= module= fn=constants multiplier=1 instance=qt-sql:main @facts-qt-sql.cpp:26:20
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default text=1 db= dbtext=type=QPSQL owner= module= fn=constants multiplier=1 instance=qt-sql:audit @facts-qt-sql.cpp:29:20
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default text=1 db= dbtext=type=QSQLITE setDatabaseName=:memory: owner= module= fn=constants multiplier=1 instance=qt-sql:<default> @facts-qt-sql.cpp:30:20
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default text=1 db=db:db:5432/shop dbtext=type=QPSQL setHostName=db setDatabaseName=shop owner= module= fn=reconnect multiplier=1 instance=qt-sql:main @facts-qt-sql.cpp:36:20
// CHECK-DAG: pool qt-sql QSqlDatabase::addDatabase size=1 default text=1 db=parts:lit:QPSQL;?;lit:billing dbtext=type=QPSQL setDatabaseName=billing owner= module= fn=reconnect multiplier=1 instance=qt-sql:other @facts-qt-sql.cpp:40:7
