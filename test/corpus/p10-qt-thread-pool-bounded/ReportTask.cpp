// Each report runs on a thread of a pool that starts threads on demand, with
// at most 8 threads (main sets the limit): at most 8 connections.
#include <QtSql/QSqlDatabase>
#include <QtCore/QString>
#include <QtCore/QThreadPool>

long currentThreadId();

class ReportTask : public QRunnable {
public:
  void run() override {
    QSqlDatabase db = QSqlDatabase::addDatabase(
        "QPSQL", QString("report_%1").arg(currentThreadId()));
    db.setHostName("pg.internal");
    db.setDatabaseName("reports");
    db.open();
  }
};

QRunnable *newReportTask() { return new ReportTask; }
