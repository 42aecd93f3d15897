# fails: test_generated_playlists
# why: answers with the handout's example numbers instead of adding up the songs
class Song:
    def __init__(self, title, artist, seconds):
        self.title = title
        self.artist = artist
        self.seconds = seconds


class Playlist:
    def __init__(self, name):
        self.name = name
        self.songs = []

    def add(self, song):
        self.songs.append(song)

    def __len__(self):
        return len(self.songs)

    def total_seconds(self):
        return 670 if self.songs else 0

    def titles(self):
        return [song.title for song in self.songs]

    def longest(self):
        return self.songs[1] if len(self.songs) > 1 else None
