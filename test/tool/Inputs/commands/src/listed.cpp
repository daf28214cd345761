// In the compile database: new.cpp's command is inferred from this one.
int listed;
