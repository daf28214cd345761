// RUN: %check_tidy %s poolguard-connection-budget %t
// RUN: %check_tidy -check-suffix=BOUNDED %s poolguard-connection-budget %t -- -- -DBOUNDED
// RUN: %clang_tidy --load=%plugin --checks='-*,poolguard-connection-budget' %s -- -std=c++17 -nostdinc++ -isystem %headers -DFIXED 2>&1 | %FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not='{{warning|error}}:'

// Qt SQL connections named per thread open one connection for every thread
// that runs the code. With no thread limit in the code (a pool that starts
// threads on demand), they grow without bound: a budget finding. With
// QThreadPool::setMaxThreadCount(n), the budget counts n.

#include <QtCore/QThreadPool>
#include <QtSql/QSqlDatabase>

long currentThreadId();

class ReportTask : public QRunnable {
public:
  void run() override {
    QSqlDatabase Db = QSqlDatabase::addDatabase(
        "QPSQL", QString("report_%1").arg(currentThreadId()));
    // CHECK-NOTES: :[[@LINE-2]]:23: warning: pools of database 'type=QPSQL setHostName=pg.internal setDatabaseName=reports' may open an unbounded number of connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
    // CHECK-NOTES: :[[@LINE-3]]:23: note: one connection per thread that runs it (a connection name built at run time), with no thread limit in the code created here (1 instance)
    // CHECK-NOTES: :[[@LINE-4]]:23: note: unbounded = unbounded > 97 available
    // CHECK-NOTES-BOUNDED: :[[@LINE-5]]:23: warning: pools of database 'type=QPSQL setHostName=pg.internal setDatabaseName=reports' may open 200 connections, more than the 97 available (100 max_connections - 3 reserved); share one pool or lower the pool sizes [poolguard-connection-budget]
    // CHECK-NOTES-BOUNDED: :[[@LINE-6]]:23: note: one connection per thread that runs it (a connection name built at run time) created here (1 instance, × 200: one connection per thread, at most the thread pool's maximum (setMaxThreadCount(200)))
    // CHECK-NOTES-BOUNDED: :[[@LINE-7]]:23: note: 1 × 200 = 200 > 97 available
    Db.setHostName("pg.internal");
    Db.setDatabaseName("reports");
    Db.open();
  }
};

void startReports() {
#if defined(BOUNDED)
  QThreadPool::globalInstance()->setMaxThreadCount(200);
#elif defined(FIXED)
  // The fix: at most 8 threads, so at most 8 connections.
  QThreadPool::globalInstance()->setMaxThreadCount(8);
#endif
  QThreadPool::globalInstance()->start(new ReportTask);
}
// FIXED-NOT: warning:
