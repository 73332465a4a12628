#! /usr/bin/env bash

set -e
set -x

# Let the database start
python app/backend_pre_start.py

# Run the migrations
alembic upgrade head

# Create the initial data in the database
python app/initial_data.py
