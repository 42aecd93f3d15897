# fails: test_longest_of_an_empty_playlist_is_none
# why: starts from the first song without checking for an empty playlist, so longest() crashes with IndexError
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
        total = 0
        for song in self.songs:
            total += song.seconds
        return total

    def titles(self):
        return [song.title for song in self.songs]

    def longest(self):
        best = self.songs[0]
        for song in self.songs:
            if song.seconds > best.seconds:
                best = song
        return best
