"""graph/exports"""
