#include <QtCore/QThreadPool>

class ReportTask;
QRunnable *newReportTask();

int main() {
  QThreadPool::globalInstance()->setMaxThreadCount(8);
  for (int I = 0; I < 100; ++I)
    QThreadPool::globalInstance()->start(newReportTask());
}
