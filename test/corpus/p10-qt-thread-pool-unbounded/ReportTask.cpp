// Each report runs on a thread of a pool that starts threads on demand, with
// no maximum; every thread opens its own connection, named after it.
#include <QtSql/QSqlDatabase>
#include <QtCore/QString>
#include <QtCore/QThreadPool>

long currentThreadId();

class ReportTask : public QRunnable {
public:
  void run() override {
    QSqlDatabase db = QSqlDatabase::addDatabase( // poolguard-expect: poolguard-connection-budget
        "QPSQL", QString("report_%1").arg(currentThreadId()));
    db.setHostName("pg.internal");
    db.setDatabaseName("reports");
    db.open();
  }
};

QRunnable *newReportTask() { return new ReportTask; }
