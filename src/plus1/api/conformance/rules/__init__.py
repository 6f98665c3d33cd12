"""Data only: one YAML file of business rules per ZGW API (see README.md).

A package so that setuptools ships the YAML files as package data with the wheel.
"""
