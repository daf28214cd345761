#include <drogon/drogon.h>

int main() { drogon::app().run(); }
